from models import Rating


def test_ratings_order_along_the_scale_not_the_alphabet() -> None:
    shuffled = [Rating.GREEN, Rating.RED, Rating.AMBER_GREEN, Rating.AMBER, Rating.RED_AMBER]
    assert sorted(shuffled) == [
        Rating.RED, Rating.RED_AMBER, Rating.AMBER, Rating.AMBER_GREEN, Rating.GREEN,
    ]
    assert Rating.AMBER < Rating.AMBER_GREEN  # alphabetically "AMBER" < "AMBER_GREEN" too
    assert Rating.RED_AMBER < Rating.AMBER  # alphabetically the other way round
    assert Rating.GREEN > Rating.RED and Rating.AMBER >= Rating.AMBER


def test_rating_serialises_as_its_contract_name() -> None:
    assert Rating("AMBER_GREEN").value == "AMBER_GREEN"
    assert [r.rank for r in Rating] == [0, 1, 2, 3, 4]
