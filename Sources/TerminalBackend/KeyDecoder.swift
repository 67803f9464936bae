import CNCurses
import TermUI

/// Turns what `wget_wch` returns into `InputEvent`s.
enum KeyDecoder {
    /// An ordinary character (`wget_wch` returned OK).
    static func decode(character code: UInt32) -> InputEvent {
        switch code {
        case 3: return .ctrlC
        case 9: return .tab
        case 10, 13: return .enter   // raw mode delivers Enter as CR or LF depending on the tty
        case 27: return .escape
        case 8, 127: return .backspace
        case 0..<32: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .char(Character(scalar))
        }
    }

    /// A function key (`wget_wch` returned KEY_CODE_YES). Resize and mouse are handled by
    /// the terminal, which has the state they need.
    static func decode(key code: Int32) -> InputEvent {
        switch code {
        case cn_key_up(): return .up
        case cn_key_down(): return .down
        case cn_key_left(): return .left
        case cn_key_right(): return .right
        case cn_key_btab(): return .backTab
        case cn_key_enter(): return .enter
        case cn_key_backspace(): return .backspace
        case cn_key_ppage(): return .pageUp
        case cn_key_npage(): return .pageDown
        case cn_key_home(): return .home
        case cn_key_end(): return .end
        default: return .unknown
        }
    }
}
