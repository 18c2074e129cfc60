"""The office's words for the pre-publication check (发布前检查用词)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.text.check import Options
from zwgk.web.rounds.models import Round


class OfficeWord(models.Model):
    """OfficeWord — 发布前检查用词: a protected word (受保护词: a name or term the checks must leave
    alone) or the office's own wrong → right pair (本单位的错别字词对), for every check in a round."""

    class Kind(models.TextChoices):
        PROTECTED = "protected", "受保护词"
        PAIR = "pair", "错→对词对"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="precheck_words")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wrong = models.CharField(max_length=50)
    right = models.CharField(max_length=50, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "wrong"]
        constraints = [
            models.UniqueConstraint(fields=["round", "kind", "wrong"], name="precheck_word_once")
        ]

    def __str__(self) -> str:
        return self.wrong if self.kind == self.Kind.PROTECTED else f"{self.wrong}→{self.right}"


def options_for(rnd: Round) -> Options:
    """The text checks' options with a round's words."""
    words = list(OfficeWord.objects.filter(round=rnd))
    return Options(
        protected=tuple(w.wrong for w in words if w.kind == OfficeWord.Kind.PROTECTED),
        typos=tuple((w.wrong, w.right) for w in words if w.kind == OfficeWord.Kind.PAIR),
    )
