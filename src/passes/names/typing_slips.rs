//! A name misspelt the way fingers misspell it: held to a proposal.
//!
//! Machine translation writes a name as its pieces render the sound, and
//! its variants are the ones hearing and romanization make: a vowel written
//! otherwise ("Wudaolang", "Enstein"), the h of a digraph ("Shicengzi"), a
//! consonant once or twice, one romanization's letters for another's. What
//! it does not make are a typist's slips: two adjacent letters swapped
//! ("Kransodar" for Krasnodar) or a consonant of the name's frame dropped
//! or added ("Taru" for Tartu, "Chonging" for Chongqing). Those come from a
//! person's keyboard, and a person's text chose its spellings: the slip may
//! be another real name (Cheng and Chen are both surnames), a spelling the
//! writer keeps, or indeed a slip, which is for the reviewer to tell. So a
//! rewrite that only such a slip relates to its target (no transliteration
//! rule makes the one the other) and whose form no other translation of the
//! batch writes is only proposed, however the document's count and the
//! batch's vote favour the target.

use super::Matcher;
use super::variants::variant_key;
use crate::edit::Edit;
use crate::names::fold::fold;

/// The confidence a typist's slip is held to: proposed, not applied.
const HELD: f32 = 0.65;

/// How a typist slipped between two spellings of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    /// Two adjacent letters written in each other's place.
    Swapped,
    /// One consonant of the name dropped or added, not one doubled, not
    /// the h of a digraph nor a glide (y, w) that romanizations write or
    /// leave out.
    Consonant,
}

/// The typist's slip that makes `a` of `b`, if one does (letters compared
/// folded; a word of other characters than ASCII letters is none).
fn typing_slip(a: &str, b: &str) -> Option<Slip> {
    let (a, b) = (fold(a), fold(b));
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if !a.iter().chain(b).all(u8::is_ascii_lowercase) {
        return None;
    }
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
        return match differ[..] {
            [k, l] if l == k + 1 && a[k] == b[l] && a[l] == b[k] => Some(Slip::Swapped),
            _ => None,
        };
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return None;
    }
    // the first letter the two differ at; the extra letter is there or,
    // when it repeats its neighbours, in the run that ends there
    let k = (0..short.len())
        .find(|&k| short[k] != long[k])
        .unwrap_or(short.len());
    if long[k + 1..] != short[k..] {
        return None;
    }
    let c = long[k];
    let doubled = k > 0 && long[k - 1] == c || long.get(k + 1) == Some(&c);
    let frame = !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'h' | b'y' | b'w');
    (frame && !doubled).then_some(Slip::Consonant)
}

impl Matcher<'_, '_> {
    /// Holds to a proposal each same-document rewrite that only a
    /// typist's slip relates to its target and whose form no other
    /// translation of the batch writes (see the module documentation).
    pub(super) fn hold_typing_slips(&self, edits: &mut [Edit]) {
        for e in edits {
            if e.rule != super::SAME_DOCUMENT || e.confidence <= HELD {
                continue;
            }
            let Some(slip) = typing_slip(&e.before, &e.after) else {
                continue;
            };
            if variant_key(&e.before) == variant_key(&e.after) {
                continue;
            }
            let others = self
                .batch_documents(&e.before, &e.after)
                .map_or(0, |(_, written, _)| written);
            if others > 0 {
                continue;
            }
            e.confidence = HELD;
            let how = match slip {
                Slip::Swapped => "two adjacent letters swapped",
                Slip::Consonant => "a consonant dropped or added",
            };
            let note = format!(
                "; {:?} is {:?} with {how}, which no transliteration makes and a typist does, and no other translation of the batch writes it: a person's spelling, which may be another real name, only proposed",
                e.before, e.after
            );
            e.note.get_or_insert_with(String::new).push_str(&note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_letters_swapped_are_a_typists_slip() {
        assert_eq!(typing_slip("Kransodar", "Krasnodar"), Some(Slip::Swapped));
        assert_eq!(typing_slip("Poktaovich", "Pokatovich"), Some(Slip::Swapped));
        assert_eq!(
            typing_slip("Lanzhou", "Wanzhou"),
            None,
            "one letter changed"
        );
        assert_eq!(typing_slip("Krasnodra", "Krasnodar"), Some(Slip::Swapped));
        assert_eq!(typing_slip("Karsnodra", "Krasnodar"), None, "two swaps");
    }

    #[test]
    fn a_consonant_of_the_frame_dropped_or_added_is_a_typists_slip() {
        assert_eq!(typing_slip("Taru", "Tartu"), Some(Slip::Consonant));
        assert_eq!(typing_slip("Tatarsan", "Tatarstan"), Some(Slip::Consonant));
        assert_eq!(typing_slip("Chonging", "Chongqing"), Some(Slip::Consonant));
        assert_eq!(typing_slip("Chen", "Cheng"), Some(Slip::Consonant));
    }

    #[test]
    fn what_hearing_and_romanization_change_is_no_typists_slip() {
        // a vowel, the h of a digraph, a glide, a consonant doubled
        assert_eq!(typing_slip("Wudaolang", "Wudaoliang"), None);
        assert_eq!(typing_slip("Enstein", "Einstein"), None);
        assert_eq!(typing_slip("Shicengzi", "Shichengzi"), None);
        assert_eq!(typing_slip("Dukov", "Dyukov"), None);
        assert_eq!(typing_slip("Russel", "Russell"), None);
        assert_eq!(typing_slip("Vaintrubb", "Vaintrub"), None);
        assert_eq!(typing_slip("Tartu", "Tartu"), None, "no difference");
        assert_eq!(typing_slip("Tartu", "Tartus"), Some(Slip::Consonant));
        assert_eq!(typing_slip("Tartu", "Tartuss"), None, "two letters");
        assert_eq!(typing_slip("Tar-tu", "Tartu"), None, "not letters alone");
    }
}
