from django.urls import path

from styringshjul.scorecards import goal_views, views

BASE = "<kommunenr:number>/malekart/"
CARD = BASE + "<int:pk>/"

urlpatterns = [
    path(BASE, views.overview, name="scorecards"),
    path(BASE + "opprett/", views.set_up_year, name="scorecards_set_up"),
    path(CARD, views.scorecard, name="scorecard"),
    path(CARD + "rediger/", views.scorecard_edit, name="scorecard_edit"),
    path(CARD + "faktor/ny/", views.factor_create, name="scorecard_factor_create"),
    path(CARD + "faktor/<int:factor_pk>/", views.factor_edit, name="scorecard_factor_edit"),
    path(CARD + "faktor/<int:factor_pk>/slett/", views.factor_delete,
         name="scorecard_factor_delete"),
    path(CARD + "faktor/<int:factor_pk>/indikator/ny/", views.indicator_create,
         name="scorecard_indicator_create"),
    path(CARD + "indikator/<int:indicator_pk>/", views.indicator_edit,
         name="scorecard_indicator_edit"),
    path(CARD + "indikator/<int:indicator_pk>/slett/", views.indicator_delete,
         name="scorecard_indicator_delete"),
    path(CARD + "indikator/<int:indicator_pk>/<str:period>/", views.result_edit,
         name="scorecard_result"),
    path(BASE + "samfunnsdel/", goal_views.community_goals, name="community_goals"),
    path(BASE + "samfunnsdel/ny/", goal_views.plan_edit, name="community_plan_create"),
    path(BASE + "samfunnsdel/<int:plan_pk>/", goal_views.plan_edit, name="community_plan_edit"),
    path(BASE + "samfunnsdel/<int:plan_pk>/satsing/ny/", goal_views.focus_area_create,
         name="focus_area_create"),
    path(BASE + "samfunnsdel/satsing/<int:pk>/", goal_views.focus_area_edit,
         name="focus_area_edit"),
    path(BASE + "samfunnsdel/<int:plan_pk>/mal/ny/", goal_views.goal_create,
         name="community_goal_create"),
    path(BASE + "samfunnsdel/mal/<int:pk>/", goal_views.goal_edit, name="community_goal_edit"),
    path(BASE + "perspektiver/", goal_views.perspectives, name="perspectives"),
    path(BASE + "perspektiver/<int:pk>/", goal_views.perspective_edit,
         name="perspective_edit"),
]
