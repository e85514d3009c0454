if __name__ == "__main__":
    print("mainguard: run as main")
else:
    print("mainguard: imported as", __name__)
