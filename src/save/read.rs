//! Reading a save file from disk without trusting it: only a regular file, never through a
//! symbolic link, never blocking on a FIFO, and never more than [`MAX_SAVE_BYTES`] read, so a
//! hostile path or a huge file is refused before any parsing or large allocation.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

use super::error::SaveError;

/// Largest save accepted, in bytes. A full campaign is well under 64 KiB; the margin is for
/// longer teacher scenarios embedded in the save.
pub const MAX_SAVE_BYTES: u64 = 1024 * 1024;

/// The text of the save at `path`, checked to be a regular file of sane size in UTF-8.
pub fn read_save_file(path: &Path) -> Result<String, SaveError> {
    // lstat first: a symlink, FIFO or device is refused without being opened at all.
    let meta = fs::symlink_metadata(path).map_err(|e| SaveError::io(&e))?;
    check_file(&meta)?;
    let file = open_regular(path)?;
    // The path may have been swapped between the two calls; the open handle is what counts.
    let meta = file.metadata().map_err(|e| SaveError::io(&e))?;
    check_file(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_SAVE_BYTES) as usize + 1);
    // A file that grows while it is read still stops one byte past the cap.
    file.take(MAX_SAVE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SaveError::io(&e))?;
    if bytes.len() as u64 > MAX_SAVE_BYTES {
        return Err(too_large());
    }
    decode_text(bytes)
}

/// Turns raw bytes into save text: not empty, no byte-order mark, valid UTF-8.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, SaveError> {
    if bytes.len() as u64 > MAX_SAVE_BYTES {
        return Err(too_large());
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(SaveError::ByteOrderMark);
    }
    let text = String::from_utf8(bytes).map_err(|e| SaveError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(SaveError::Empty);
    }
    Ok(text)
}

fn too_large() -> SaveError {
    SaveError::TooLarge {
        max_kib: MAX_SAVE_BYTES / 1024,
    }
}

/// Refuses anything but a regular file of at most [`MAX_SAVE_BYTES`].
fn check_file(meta: &Metadata) -> Result<(), SaveError> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(SaveError::NotAFile("symbolic link"));
    }
    if kind.is_dir() {
        return Err(SaveError::NotAFile("folder"));
    }
    if !kind.is_file() {
        return Err(SaveError::NotAFile(special_kind(meta)));
    }
    if meta.len() > MAX_SAVE_BYTES {
        return Err(too_large());
    }
    Ok(())
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else if kind.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &Metadata) -> &'static str {
    "special file"
}

/// Opens without following a final symlink and without blocking (a FIFO swapped in after the
/// check would otherwise wait forever for a writer).
#[cfg(unix)]
fn open_regular(path: &Path) -> Result<File, SaveError> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                SaveError::NotAFile("symbolic link")
            } else {
                SaveError::io(&e)
            }
        })
}

#[cfg(not(unix))]
fn open_regular(path: &Path) -> Result<File, SaveError> {
    File::open(path).map_err(|e| SaveError::io(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_empty_and_bad_utf8_are_refused() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBF(format: 1)".to_vec()),
            Err(SaveError::ByteOrderMark)
        );
        assert_eq!(decode_text(Vec::new()), Err(SaveError::Empty));
        assert_eq!(decode_text(b" \n\t ".to_vec()), Err(SaveError::Empty));
        assert_eq!(
            decode_text(b"ab\xFFcd".to_vec()),
            Err(SaveError::NotUtf8 { offset: 2 })
        );
    }
}
