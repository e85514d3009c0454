lonely = True
