"""发布前检查 (pre-publication check): a unit pastes text or uploads a draft and sees each privacy
leak, serious wording error and typo marked in place, with the words and pairs the office added."""
