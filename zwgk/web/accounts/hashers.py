"""The hasher of one-time passwords (新账号和重置的初始密码).

A one-time password is 12 characters drawn at random from 55 (about 69 bits) and must be changed
at the first sign-in, where Django re-hashes it with the default hasher. Guessing it is out of
reach at any iteration count, so it is hashed with few iterations: 45 accounts are created in
well under a second instead of ~20 s of PBKDF2 at the default strength.
"""

from __future__ import annotations

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneTimePasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_once"
    iterations = 2_000
