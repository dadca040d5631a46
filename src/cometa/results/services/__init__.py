"""The results module's business operations, one function each: ``framework`` (plans,
outcomes, outputs, indicators, partners, joint programmes), ``values`` (baselines, targets
and actuals), ``reporting`` (narratives and facts), ``registers`` (knowledge products and
budget lines). Each checks permission, validates, writes and audits in one transaction."""
