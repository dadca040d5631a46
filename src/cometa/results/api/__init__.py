"""REST API of the results module, mounted under /api/v1/results/. Handlers validate with
a serializer and call one service or selector; reads go through ``results.selectors``, so
anything outside what the person may see answers 404."""
