import sys

state = 'set before exit'
sys.exit(4)
