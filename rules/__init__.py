"""Rule packs: one YAML file per LBF funding round (pulje).

This folder is installed as the ``planlint_rules`` package so that a plain
``pip install`` ships the packs; see ``planlint.rulepack`` for their schema.
"""
