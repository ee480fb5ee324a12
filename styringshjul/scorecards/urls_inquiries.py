from django.urls import path

from styringshjul.scorecards import dashboard_views, inquiry_views

SCORECARDS = "<kommunenr:number>/malekart/"

urlpatterns = [
    path(SCORECARDS + "undringer/", inquiry_views.inquiry_list, name="inquiries"),
    path(SCORECARDS + "<int:pk>/undring/ny/", inquiry_views.inquiry_create,
         name="inquiry_create"),
    path(SCORECARDS + "<int:pk>/undring/ny/<int:indicator_pk>/", inquiry_views.inquiry_create,
         name="inquiry_create_for"),
    # The same page under the short name, so {% url "inquiry_create" nr pk indicator_pk %}
    # works too.
    path(SCORECARDS + "<int:pk>/undring/ny/<int:indicator_pk>/", inquiry_views.inquiry_create,
         name="inquiry_create"),
    path(SCORECARDS + "undring/<int:pk>/svar/", inquiry_views.inquiry_answer,
         name="inquiry_answer"),
    path(SCORECARDS + "<int:year>/oversikt/", dashboard_views.dashboard,
         name="scorecard_dashboard"),
]
