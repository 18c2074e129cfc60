"""``python -m zwgk.web …`` is Django's manage.py for this project."""

import os
import sys

from django.core.management import execute_from_command_line

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.web.settings")
    execute_from_command_line(sys.argv)
