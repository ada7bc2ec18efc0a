"""The analyst's pages: search, article, speaker, actor and network, server-rendered with Jinja2.

``pages.mount(app)`` adds the routes and serves ``static/`` (CSS, the small scripts and the
vendored graph library) from the app itself; ``data`` reads what each page shows.
"""
