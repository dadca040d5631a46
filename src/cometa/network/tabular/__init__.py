"""Spreadsheets in and out of the network: one column specification per kind of file
(participants, enrolments, attendance, follow-ups) used alike by the downloadable
template, the reader, the validator and the export. Pure: no database; the services in
``network.services.importing`` and ``network.services.exporting`` use it."""
