import BulkheadCanvas
import Dispatch
import Glibc
import Synchronization

/// A full-screen curses session on the process's terminal, usable from async code.
///
/// All ncurses calls run on one dedicated thread, which sleeps in `poll()` on standard input and a wake-up pipe
/// (no busy waiting). ``show(_:)`` hands it canvases; ``events`` reports key presses, resizes and the end.
///
/// Signals while the session is open: SIGTERM, SIGHUP and SIGQUIT end it; so does SIGINT, and Ctrl-C, unless in
/// kiosk mode, where SIGINT and SIGQUIT are ignored and Ctrl-C arrives as ``TerminalInput/control(_:)``. SIGTSTP,
/// SIGTTIN and SIGTTOU are ignored (the terminal is in raw mode, so Ctrl-Z is a key, not a suspend), SIGPIPE is
/// ignored, SIGWINCH resizes. The hangup of the terminal (POLLHUP, POLLERR or end of input) ends it too. When it ends
/// by itself, the terminal is restored before ``TerminalEvent/ended(_:)`` is delivered.
///
/// Only one session may be open at a time. After the session the process keeps catching these signals: SIGTERM,
/// SIGHUP, SIGINT and SIGQUIT then exit the process at once with status 128 + the signal number.
public final class TerminalSession: Sendable {
  /// Why the terminal could not be opened.
  public struct OpenError: Error, CustomStringConvertible, Sendable {
    /// A human-readable reason, e.g. "standard output is not a terminal".
    public let reason: String

    /// Creates an error.
    public init(reason: String) {
      self.reason = reason
    }

    /// The reason.
    public var description: String { "cannot open the terminal: \(reason)" }
  }

  /// Key presses, resizes and finally ``TerminalEvent/ended(_:)``; the stream finishes when the session is over.
  public let events: AsyncStream<TerminalEvent>
  /// What the session thread has to do next.
  private let mailbox: SessionMailbox
  /// The session thread.
  private let thread: pthread_t
  /// Whether ``close()`` has run; held while it runs so concurrent callers wait for it.
  private let closed = Mutex(false)

  /// Opens curses on the terminal and starts the session thread.
  ///
  /// - Parameters:
  ///   - palette: the colours roles are drawn in.
  ///   - kiosk: ignore SIGINT and SIGQUIT and pass Ctrl-C on as a key, so a player cannot leave the display.
  ///   - mouse: report presses and releases of the first mouse button as ``TerminalInput/mouse(_:)``.
  ///   - recorder: records every byte curses sends to the terminal (through a ``PseudoTerminalRelay``) and every
  ///     resize; without it curses writes to standard output itself.
  ///   - images: draws the canvases' pictures (``Canvas/images``) past curses after each frame, when given; they
  ///     are taken away on a resize, a repaint and at the end.
  /// - Throws: ``OpenError`` when there is no usable terminal (not a TTY, `TERM` unset, unknown or unable to address
  ///   the cursor), or when another session is open.
  public init(
    palette: Palette, kiosk: Bool, mouse: Bool = false, recorder: (any OutputRecorder)? = nil, images: ImageLayer? = nil
  ) throws(OpenError) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else {
      throw OpenError(reason: "cannot create a wake-up pipe (errno \(errno))")
    }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    let (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
    let mailbox = SessionMailbox(palette: palette, kiosk: kiosk, wakeReader: fds[0], wakeWriter: fds[1])
    guard SignalRouter.shared.attach(mailbox) else {
      mailbox.closePipe()
      throw OpenError(reason: "another terminal session is open")
    }
    let opened = DispatchSemaphore(value: 0)
    let failure = OpenFailure()
    let body = SessionThreadBody {
      SignalRouter.blockHandledSignals()
      var relay: PseudoTerminalRelay?
      let screen: CursesScreen
      do throws(OpenError) {
        if let recorder {
          relay = try PseudoTerminalRelay(size: recorder.size) { recorder.output(bytes: $0) }
        }
        let cursesScreen = try CursesScreen(reportsMouse: mouse, output: relay?.output)
        do throws(OpenError) {
          try relay?.mirrorModes()
        } catch {
          cursesScreen.end()
          throw error
        }
        screen = cursesScreen
      } catch {
        relay?.finish()
        failure.error.withLock { $0 = error }
        opened.signal()
        continuation.finish()
        return
      }
      mailbox.setSize(screen.size)
      opened.signal()
      SessionLoop(
        screen: screen, mailbox: mailbox, continuation: continuation,
        onResize: { size in
          relay?.resize(to: size)
          recorder?.resize(width: size.width, height: size.height)
        },
        onScreenEnded: { relay?.finish() }, initialImages: images
      ).run()
    }
    var thread = pthread_t()
    let context = Unmanaged.passRetained(body).toOpaque()
    let created = pthread_create(
      &thread, nil,
      { context in
        Unmanaged<SessionThreadBody>.fromOpaque(context!).takeRetainedValue().run()
        return nil
      }, context)
    guard created == 0 else {
      Unmanaged<SessionThreadBody>.fromOpaque(context).release()
      SignalRouter.shared.detach(mailbox)
      mailbox.closePipe()
      throw OpenError(reason: "cannot start the terminal thread (error \(created))")
    }
    opened.wait()
    if let error = failure.error.withLock({ $0 }) {
      pthread_join(thread, nil)
      SignalRouter.shared.detach(mailbox)
      mailbox.closePipe()
      throw error
    }
    self.events = events
    self.mailbox = mailbox
    self.thread = thread
  }

  deinit {
    close()
  }

  /// Shows `canvas`. Thread-safe and cheap: when several canvases arrive before the session thread draws, only the
  /// last is drawn, and the last one is always drawn.
  public func show(_ canvas: Canvas) {
    mailbox.post { $0.canvas = canvas }
  }

  /// Clears the terminal and sends the whole current canvas again, e.g. for Ctrl-L.
  public func repaint() {
    mailbox.post { $0.repaint = true }
  }

  /// Draws from now on with `palette`; the current canvas is redrawn with it.
  public func setPalette(_ palette: Palette) {
    mailbox.post { $0.palette = palette }
  }

  /// The terminal's size as the session last saw it.
  public var size: (width: Int, height: Int) {
    mailbox.size
  }

  /// Restores the terminal (cooked mode, cursor visible, alternate screen left) and stops the session thread;
  /// idempotent, and a no-op for the terminal when the session already ended. The event stream finishes without
  /// an ``TerminalEvent/ended(_:)`` event when the session was still running.
  public func close() {
    closed.withLock { closed in
      guard !closed else { return }
      closed = true
      mailbox.post { $0.stop = true }
      pthread_join(thread, nil)
      SignalRouter.shared.detach(mailbox)
      mailbox.closePipe()
    }
  }
}

/// The session thread's loop: sleeps in `poll()`, reads keys, resizes, draws, and ends the screen.
private struct SessionLoop {
  let screen: CursesScreen
  let mailbox: SessionMailbox
  let continuation: AsyncStream<TerminalEvent>.Continuation
  /// Called with the terminal's new size when curses adopted it.
  let onResize: ((width: Int, height: Int)) -> Void
  /// Called when curses has ended, before the end is reported.
  let onScreenEnded: () -> Void
  /// The pictures' layer, when the terminal shows pictures.
  let initialImages: ImageLayer?

  /// Consecutive wake-ups with standard input readable but no key: end of input, the terminal is gone.
  private static let emptyReadsMeaningHangup = 8
  /// Ctrl-C as a byte.
  private static let interrupt = TerminalInput.control(3)

  /// Runs until the session is closed or ends, then restores the terminal and finishes the event stream.
  func run() {
    var palette = mailbox.initialPalette
    var canvas: Canvas?
    var emptyReads = 0
    var endReason: String?
    var images = initialImages
    let hangup = Int16(POLLHUP | POLLERR | POLLNVAL)
    var fds = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: mailbox.wakeReader, events: Int16(POLLIN), revents: 0),
    ]
    loop: while true {
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        endReason = "cannot wait for input (errno \(errno))"
        break
      }
      if fds[1].revents != 0 { mailbox.drainWakeUps() }
      if fds[0].revents & hangup != 0 {
        endReason = "terminal hung up"
        break
      }
      let work = mailbox.take()
      if work.stop { break }
      if let reason = work.endReason {
        endReason = reason
        break
      }
      var redraw = false
      if fds[0].revents & Int16(POLLIN) != 0 {
        let inputs = screen.readInputs()
        emptyReads = inputs.isEmpty ? emptyReads + 1 : 0
        if emptyReads >= Self.emptyReadsMeaningHangup {
          endReason = "terminal hung up"
          break
        }
        for input in inputs {
          if input == Self.interrupt && !mailbox.kiosk {
            endReason = "interrupted (Ctrl-C)"
            break loop
          }
          continuation.yield(.input(input))
        }
      }
      if work.resize, let size = screen.adoptWindowSize() {
        if images?.isShowing == true {
          screen.writeDirectly(images?.reset() ?? [])
          screen.repaint()
        }
        onResize(size)
        mailbox.setSize(size)
        continuation.yield(.resized(width: size.width, height: size.height))
        redraw = true
      }
      if let newCanvas = work.canvas {
        canvas = newCanvas
        redraw = true
      }
      if let newPalette = work.palette {
        palette = newPalette
        redraw = true
      }
      if work.repaint {
        screen.writeDirectly(images?.reset() ?? [])
        screen.repaint()
        redraw = true
      }
      if redraw {
        if let canvas { screen.draw(canvas, palette: palette) }
        screen.refresh()
        if let canvas, var layer = images {
          let update = layer.update(to: canvas)
          if !update.repaintRows.isEmpty {
            screen.repaintRows(update.repaintRows)
            screen.refresh()
          }
          screen.writeDirectly(update.bytes)
          images = layer
        }
      }
    }
    if images?.isShowing == true {
      screen.writeDirectly(images?.reset() ?? [])
      screen.repaint()
      screen.refresh()
    }
    screen.end()
    onScreenEnded()
    if let endReason { continuation.yield(.ended(endReason)) }
    continuation.finish()
  }
}

/// Why the session thread could not open curses, if it could not.
private final class OpenFailure: Sendable {
  let error = Mutex<TerminalSession.OpenError?>(nil)
}

/// The closure a session thread runs, boxed so it can pass through `pthread_create`.
private final class SessionThreadBody: Sendable {
  let run: @Sendable () -> Void

  init(_ run: @escaping @Sendable () -> Void) {
    self.run = run
  }
}
