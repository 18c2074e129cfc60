"""Django's ``ModelBackend`` (passwords, permissions, ``is_active``), with the user behind a session
read by key in SQL written once (zwgk/web/keyed.py): every signed-in request reads it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from zwgk.web import keyed


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = keyed.get(get_user_model(), user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
