"""Suite-wide test settings.

Hypothesis's per-example deadline is a wall-clock assertion: on a shared or loaded machine (CI, a
laptop running the app) a first example may take longer than 200 ms for reasons that have nothing
to do with the code. Speed is measured by the scripts under ``bench/``, never by a test.
"""

from hypothesis import settings

settings.register_profile("zwgk", deadline=None)
settings.load_profile("zwgk")
