import BulkheadCanvas

/// Nearest colours of the xterm palettes, for pictures drawn with colour indexes.
public enum XtermPalette {
  /// The six levels of each component in the 6 × 6 × 6 colour cube (indexes 16–231).
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The 16 basic colours as xterm shows them by default.
  static let basic: [(red: Int, green: Int, blue: Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
  ]

  /// The nearest colour of the 256-colour palette's cube and grey ramp (16–255); the 16 basic colours are left out
  /// because terminals and themes redefine them.
  public static func index256(_ colour: RGBA) -> UInt8 {
    let (red, green, blue) = (Int(colour.red), Int(colour.green), Int(colour.blue))
    let levels = [red, green, blue].map(nearestCubeLevel)
    let cubeDistance = distance(
      red, green, blue, cubeLevels[levels[0]], cubeLevels[levels[1]], cubeLevels[levels[2]])
    let grey = min(23, max(0, ((red + green + blue) / 3 - 3) / 10))
    let greyValue = 8 + 10 * grey
    let greyDistance = distance(red, green, blue, greyValue, greyValue, greyValue)
    if greyDistance < cubeDistance { return UInt8(232 + grey) }
    return UInt8(16 + 36 * levels[0] + 6 * levels[1] + levels[2])
  }

  /// The nearest of the first `count` basic colours (8 or 16).
  public static func basicIndex(_ colour: RGBA, count: Int) -> UInt8 {
    let (red, green, blue) = (Int(colour.red), Int(colour.green), Int(colour.blue))
    var best = 0
    var bestDistance = Int.max
    for (index, candidate) in basic.prefix(count).enumerated() {
      let candidateDistance = distance(red, green, blue, candidate.red, candidate.green, candidate.blue)
      if candidateDistance < bestDistance {
        best = index
        bestDistance = candidateDistance
      }
    }
    return UInt8(best)
  }

  /// The index (0–5) of the cube level nearest to `component`.
  private static func nearestCubeLevel(_ component: Int) -> Int {
    if component < 48 { return 0 }
    if component < 115 { return 1 }
    return min(5, (component - 35) / 40)
  }

  /// A squared distance weighted for the eye (more for green, less for blue).
  private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
    let (red, green, blue) = (r1 - r2, g1 - g2, b1 - b2)
    return 3 * red * red + 4 * green * green + 2 * blue * blue
  }
}
