//! What the rules share about a text: the word classes they ask about,
//! where sentences end, which characters XML cannot hold. A rule reads
//! these instead of keeping its own notion of them, and no rule reaches
//! into another rule's module for one.

pub(crate) mod chars;
pub(crate) mod dictionary;
pub(crate) mod function_words;
pub(crate) mod generic_places;
pub(crate) mod marks;
pub(crate) mod misread;
pub(crate) mod pinyin;
pub(crate) mod sentences;
pub(crate) mod sites;
pub(crate) mod spacing;
