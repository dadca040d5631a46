"""Survey instruments (pure): definitions and their field mapping, answers checked by
type and code list, and the XLSForm that KoboCollect or ODK Collect fills in offline."""
