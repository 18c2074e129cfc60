"""The web application (Django): runs an assessment round from notice to 通报.

It calls the core (:mod:`zwgk.rubric`, :mod:`zwgk.scoring`, :mod:`zwgk.report`); the core never
imports anything from here.
"""
