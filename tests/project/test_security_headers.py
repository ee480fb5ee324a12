from django.urls import reverse


def test_pages_carry_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_repeated_failed_logins_lock_the_user_name(client, kari):
    for _ in range(5):
        client.post(reverse("login"), {"username": "kari", "password": "feil"})
    response = client.post(reverse("login"), {"username": "kari", "password": "demo"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_kari_logs_in_with_the_demo_password_and_lands_on_ringebu(client, kari, ringebu):
    response = client.post(reverse("login"), {"username": "kari", "password": "demo"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("municipality", args=[ringebu.number])


def test_the_login_page_lists_the_demo_users_only_in_demo_mode(client, demo, settings):
    settings.DEMO_MODE = False
    assert "sofie" not in client.get(reverse("login")).content.decode()
    settings.DEMO_MODE = True
    page = client.get(reverse("login")).content.decode()
    assert "sofie" in page
    assert "syntetiske" in page
