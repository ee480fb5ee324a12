from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    """A person's full name, else the user name; a dash when the person is gone."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()
