import sys

greeting = 'hello from the script'
args = sys.argv


def helper():
    return 'helper called'


raise LookupError('the script failed at the end')
