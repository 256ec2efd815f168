//! The canonical state hash: a fixed byte encoding of any serde value, fed to FNV-1a (64-bit).
//!
//! Not `derive(Hash)` (whose output may change between compiler versions) and not a format
//! crate's text (whose layout may change between crate versions): the encoding below is ours.
//! Integers are little-endian at their declared width, lengths are `u64`, strings are their
//! length and UTF-8 bytes, enum variants are their index, and every value is tagged by kind.

use serde::ser::{self, Serialize};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64-bit.
#[derive(Debug, Clone)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(FNV_OFFSET)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The canonical hash of any serialisable value.
pub fn canonical_hash<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut h = Fnv64::default();
    // Our serializer never fails; an error would only come from a custom impl.
    let _ = value.serialize(&mut Encoder { h: &mut h });
    h.finish()
}

/// Formats a hash the way saves and reports print it.
pub fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

struct Encoder<'a> {
    h: &'a mut Fnv64,
}

#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hash encoding error")
    }
}
impl std::error::Error for Never {}
impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Never
    }
}

impl Encoder<'_> {
    fn tag(&mut self, t: u8) {
        self.h.write(&[t]);
    }
    fn len(&mut self, n: usize) {
        self.h.write(&(n as u64).to_le_bytes());
    }
}

macro_rules! int {
    ($name:ident, $t:ty, $tag:expr) => {
        fn $name(self, v: $t) -> Result<(), Never> {
            self.tag($tag);
            self.h.write(&v.to_le_bytes());
            Ok(())
        }
    };
}

impl<'a, 'b> ser::Serializer for &'a mut Encoder<'b> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.tag(1);
        self.h.write(&[u8::from(v)]);
        Ok(())
    }
    int!(serialize_i8, i8, 2);
    int!(serialize_i16, i16, 3);
    int!(serialize_i32, i32, 4);
    int!(serialize_i64, i64, 5);
    int!(serialize_u8, u8, 6);
    int!(serialize_u16, u16, 7);
    int!(serialize_u32, u32, 8);
    int!(serialize_u64, u64, 9);
    int!(serialize_i128, i128, 10);
    int!(serialize_u128, u128, 11);
    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        self.tag(12);
        self.h.write(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        self.tag(13);
        self.h.write(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.tag(14);
        self.h.write(&u32::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.tag(15);
        self.len(v.len());
        self.h.write(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.tag(16);
        self.len(v.len());
        self.h.write(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.tag(17);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Never> {
        self.tag(18);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.tag(19);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Never> {
        self.tag(19);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _n: &'static str,
        index: u32,
        _v: &'static str,
    ) -> Result<(), Never> {
        self.tag(20);
        self.h.write(&index.to_le_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _n: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _n: &'static str,
        index: u32,
        _v: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.tag(21);
        self.h.write(&index.to_le_bytes());
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Never> {
        self.tag(22);
        self.len(len.unwrap_or(0));
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.tag(23);
        self.len(len);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _n: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        index: u32,
        _v: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(24);
        self.h.write(&index.to_le_bytes());
        self.len(len);
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Never> {
        self.tag(25);
        self.len(len.unwrap_or(0));
        Ok(self)
    }
    fn serialize_struct(self, _n: &'static str, len: usize) -> Result<Self, Never> {
        self.tag(26);
        self.len(len);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        index: u32,
        _v: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(27);
        self.h.write(&index.to_le_bytes());
        self.len(len);
        Ok(self)
    }
}

macro_rules! compound {
    ($tr:ident, $m:ident) => {
        impl<'a, 'b> ser::$tr for &'a mut Encoder<'b> {
            type Ok = ();
            type Error = Never;
            fn $m<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.tag(28);
                Ok(())
            }
        }
    };
}
compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl<'a, 'b> ser::SerializeMap for &'a mut Encoder<'b> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Never> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.tag(28);
        Ok(())
    }
}

macro_rules! fields {
    ($tr:ident) => {
        impl<'a, 'b> ser::$tr for &'a mut Encoder<'b> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                self.h.write(key.as_bytes());
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.tag(28);
                Ok(())
            }
        }
    };
}
fields!(SerializeStruct);
fields!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_known_answers() {
        let mut h = Fnv64::default();
        h.write(b"");
        assert_eq!(h.finish(), 0xcbf2_9ce4_8422_2325);
        let mut h = Fnv64::default();
        h.write(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv64::default();
        h.write(b"foobar");
        assert_eq!(h.finish(), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn encoding_separates_values_that_text_would_confuse() {
        assert_ne!(canonical_hash(&("ab", "c")), canonical_hash(&("a", "bc")));
        assert_ne!(canonical_hash(&1u32), canonical_hash(&1u64));
        assert_ne!(canonical_hash(&Some(0u8)), canonical_hash(&0u8));
        assert_eq!(canonical_hash(&vec![1u8, 2]), canonical_hash(&vec![1u8, 2]));
    }
}
