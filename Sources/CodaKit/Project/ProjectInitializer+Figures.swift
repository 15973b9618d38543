extension ProjectInitializer {
    /// Numbers collected beside the interviews, with the lines every figures file needs.
    static let exampleFigures = """
        # title: Visitors to the service office per month
        # unit: visitors
        # source: the office's visitor log (replace with where your numbers come from)
        # note: Leave a cell empty when the source gives no number; `coda chart example-figures` draws it.
        month,visitors
        March,412
        April,388
        May,

        """
}
