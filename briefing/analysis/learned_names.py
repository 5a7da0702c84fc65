"""First names and the gender their pronouns gave on PolNeAR train. Generated; do not edit by hand.
Regenerate with:

    python -m benchmarks.mine_names ../shared/corpus/polnear/train --min-votes 5 --min-articles 3 --min-agreement 0.8 --write
"""

FIRST_NAME_GENDER: dict[str, str] = {
    'Barack': 'm',
    'Ben': 'm',
    'Bernie': 'm',
    'Bill': 'm',
    'Brian': 'm',
    'Chelsea': 'f',
    'Chris': 'm',
    'David': 'm',
    'Donald': 'm',
    'George': 'm',
    'Harry': 'm',
    'Hillary': 'f',
    'Jeb': 'm',
    'Jeff': 'm',
    'Joe': 'm',
    'John': 'm',
    'Marco': 'm',
    'Mike': 'm',
    'Paul': 'm',
    'Rick': 'm',
    'Ronald': 'm',
    'Ted': 'm',
    'Wasserman': 'f',
}
