"""The people of the tests, as in the demo: Kari (finance, Ringebu), Ola (leads Fåvang
skule in Ringebu), Per (councillor, Ringebu, reads only) and Sofie (finance, Gausdal — the
outsider who must never see Ringebu's data).
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings

from styringshjul.demo.services import build_demo
from styringshjul.keyfigures.models import Region
from styringshjul.ledger.models import KostraFunction
from styringshjul.org.models import Municipality, OrgUnit

FAST_HASHING = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo once for the session; each test's changes are rolled back."""
    FAST_HASHING.enable()
    with django_db_blocker.unblock():
        build_demo()


@pytest.fixture(autouse=True)
def isolated_var_dir(settings, tmp_path):
    """Files the app writes (raw ledger lines, uploads) go to the test's own folder."""
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "var" / "media"


@pytest.fixture
def demo(db) -> None:
    # Transactional tests (the browser tests) empty the database when they end, even the
    # reference data that migrations load.
    if not KostraFunction.objects.exists():
        import_module("styringshjul.ledger.migrations.0002_load_code_lists").load(apps, None)
    if not Region.objects.exists():
        import_module("styringshjul.keyfigures.migrations.0002_regions_and_catalogue").load(
            apps, None)
    if not Municipality.objects.filter(number="3439").exists():
        build_demo()


@pytest.fixture
def ringebu(demo) -> Municipality:
    return Municipality.objects.get(number="3439")


@pytest.fixture
def gausdal(demo) -> Municipality:
    return Municipality.objects.get(number="3441")


@pytest.fixture
def favang_skule(ringebu) -> OrgUnit:
    return OrgUnit.objects.get(municipality=ringebu, name="Fåvang skule")


def _user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def kari(demo):
    return _user("kari")


@pytest.fixture
def ola(demo):
    return _user("ola")


@pytest.fixture
def per(demo):
    return _user("per")


@pytest.fixture
def sofie(demo):
    return _user("sofie")


@pytest.fixture
def admin_user(demo):
    return _user("admin")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_kari(kari) -> Client:
    return logged_in(kari)


@pytest.fixture
def as_ola(ola) -> Client:
    return logged_in(ola)


@pytest.fixture
def as_per(per) -> Client:
    return logged_in(per)


@pytest.fixture
def as_sofie(sofie) -> Client:
    return logged_in(sofie)
