"""考核办: a round's course — new round, settings, units, notice, status changes — and its home page.

The top of the web apps: it reads what every other app keeps (evidence, facts, objections) to show
the round's progress, and nothing imports it.
"""
