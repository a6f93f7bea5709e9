import Testing

@testable import QuarryHTML

@Suite struct AttributeNameTests {
  @Test func codesKnownNamesInAnyCase() {
    let class_ = AttributeName.code("class")
    #expect(class_ != 0)
    #expect(Array("CLASS".utf8).withUnsafeBufferPointer { AttributeName.code($0) } == class_)
    #expect(AttributeName.code("aria-hidden") != AttributeName.code("hidden"))
    #expect(AttributeName.code("data-class") == 0)
    #expect(AttributeName.code("") == 0)
  }
}
