"""The paper people take away: the request to the warden, the motion, the motion to seal.

HTML templates (templates/drafts/) and a print stylesheet (static/css/drafts.css) rendered to
PDF by WeasyPrint. The content follows docs/domain.md § 5 (request) and § 6 (motion). Nothing
here decides eligibility: the dates, the verdict and the grounds that qualify come from
`eligibility.rules.screen`, and the documents only show them. The words of the papers live in
the templates, and each ground's heading, citation and legal standard in the grounds catalogue
(eligibility/grounds.py).

- offering.py: which papers a case gets, and their templates;
- lettering.py: the exhibits, lettered, and what each part of a motion cites;
- context.py: what each paper's template is given;
- formatting.py, voice.py: how facts are printed, and whose voice a paper speaks in;
- rendering.py: HTML to PDF, and the filing packet's own pages;
- fetching.py: the only files WeasyPrint may load (the project's static files);
- caching.py: rendered PDFs kept in the shared cache.
"""
