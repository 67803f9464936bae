/// Something that draws itself into a rectangle of a buffer.
public protocol Widget {
    func render(area: Rect, into buffer: inout Buffer)
}
