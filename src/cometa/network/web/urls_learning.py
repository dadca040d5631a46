"""Routes of the learning pages (notes on frozen snapshots, their actions, reviews at
meetings), spliced into ``urls.urlpatterns`` under /network/."""

from django.urls import URLPattern, path

from cometa.network.web.views import learning

NETWORK = "<id:pk>/"
LEARNING = NETWORK + "learning/"

ROUTES: list[URLPattern] = [
    path(LEARNING, learning.learning_list, name="learning"),
    path(LEARNING + "new/", learning.learning_new, name="learning-new"),
    path(LEARNING + "<id:note_pk>/", learning.learning_note, name="learning-note"),
    path(
        LEARNING + "<id:note_pk>/actions/",
        learning.learning_action_add,
        name="learning-action-add",
    ),
    path(
        LEARNING + "actions/<id:action_pk>/status/",
        learning.learning_action_status,
        name="learning-action-status",
    ),
    path(
        NETWORK + "meetings/<id:meeting_pk>/reviews/",
        learning.learning_review,
        name="learning-review",
    ),
]
