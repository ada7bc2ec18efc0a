"""An article dense with varied sports words is a sports report; one "game" is not."""

from __future__ import annotations

from wirewatch.nlp.genres import sports_report

MATCH_REPORT = (
    "The Netherlands beat Cameroon 2-1 in their last group match of the World Cup on Thursday, "
    "securing first place in Group E. Robin van Persie scored the first goal before halftime, and "
    "the Cameroon striker Samuel Eto'o levelled from the penalty spot. The Dutch coach praised his "
    "defenders after the game; the team meets Slovakia in the second round at the Durban stadium."
)
POLITICAL_STORY = (
    "Russia's foreign minister accused Ukraine of provoking the clashes, hours after a football game "
    "in Kyiv was cancelled for security reasons. Moscow said it would ask the UN Security Council to "
    "meet, and Kyiv denied the claims, calling them a pretext for a new offensive in the east."
)


def test_a_match_report_is_a_sports_report() -> None:
    assert sports_report(MATCH_REPORT)


def test_a_political_story_that_mentions_a_game_is_not() -> None:
    assert not sports_report(POLITICAL_STORY)
    assert not sports_report("")
