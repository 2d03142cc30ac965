//! What attributing quotes keeps of the article: the discourse shared with coreference
//! ([`Discourse`]), under the quote stage's own name so that finding a speaker's phrase
//! (`speaker.rs`) stays the quote stage's business.

use crate::analyze::coref::{Discourse, Referent};
use std::ops::Deref;

/// Who spoke, as found at one quote: the referent of the phrase that names the speaker.
pub(super) type Speaker = Referent;

/// A speaker with the cue that introduced it.
pub(super) type Found = (Speaker, String);

/// What resolving a speaker needs from the article.
pub(super) struct Ctx<'a>(Discourse<'a>);

impl<'a> Ctx<'a> {
    pub(super) fn new(discourse: Discourse<'a>) -> Ctx<'a> {
        Ctx(discourse)
    }
}

impl<'a> Deref for Ctx<'a> {
    type Target = Discourse<'a>;

    fn deref(&self) -> &Discourse<'a> {
        &self.0
    }
}
