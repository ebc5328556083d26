from judgment._cli._app import main

if __name__ == "__main__":
    main()
