"""Comparing a centre with its peers and the network's reach with the shares it set
itself, from stored (already controlled) indicator values. Pure: no database here; the
selectors in ``network.selectors_compare`` read the stored tables and hand them over."""
