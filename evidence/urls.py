"""A case's documents and the filing packet, under the family's case address.

Names for the access matrix: case_documents (list, upload), case_document_download,
case_document_delete, case_filing_packet.
"""

from django.urls import path

from evidence import views

urlpatterns = [
    path("cases/<uuid:case_id>/documents/", views.case_documents, name="case_documents"),
    path(
        "cases/<uuid:case_id>/documents/<uuid:attachment_id>/",
        views.document_download,
        name="case_document_download",
    ),
    path(
        "cases/<uuid:case_id>/documents/<uuid:attachment_id>/remove/",
        views.document_delete,
        name="case_document_delete",
    ),
    path("cases/<uuid:case_id>/filing-packet.pdf", views.filing_packet, name="case_filing_packet"),
]
