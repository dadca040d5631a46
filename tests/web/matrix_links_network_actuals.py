"""The permission matrix's row for taking a results actual from a network's stored total
(columns as in matrix.py). The network is scene_network.py's (the country team a partner,
the reviewer the backbone's coordinator); the results indicator is UNDP Kazakhstan's,
attached to CI-01 (tests/web/scene_links_network_actuals.py). Only who both reads the
network and changes UNDP's results stores it: its editor (a partner's editor too) and the
administrator. Those who read UNDP's results but may not change them get 403; the outsider
reads neither (404). Tests: tests/links/test_network_actuals.py.
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
api/v1/links/network-actuals/                                        POST   -         401  403  201  403   403  404  201
"""  # noqa: E501
