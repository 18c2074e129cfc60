"""网站监测 (continuous website monitoring), the pure core: no Django, no database, no network.

The web app (``zwgk/web/monitor``) stores the history — probes of a homepage, the dates seen on
column list pages day after day, the accounts of 政务新媒体 and their update dates — and hands it
here. Each check module (one per rule: ``availability_week``, ``availability_down``,
``freshness_homepage``, ``freshness_quarter``, ``newmedia_update``, ``newmedia_unapproved``) reads
its thresholds from the checks catalogue and turns history into ``Finding`` objects of the
inspector's shape; ``identity`` decides which findings are new, still present or gone, and keeps
dismissals sticky; ``schedule`` computes when each site's next inspection is due.
"""
