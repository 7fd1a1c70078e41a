"""The static HTML briefing site: RAG matrix, authority pages with trend charts, search.

    from highlights.site import build_site
    build_site("highlights.db", "site/")
"""

from highlights.site.builder import Chart, SiteResult, build_site

__all__ = ["Chart", "SiteResult", "build_site"]
