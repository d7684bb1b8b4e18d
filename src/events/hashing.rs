//! The SHA-256 every output names an export by, taken beside the reading on a thread of
//! its own. A plain file's pieces are its own bytes: each is hashed as it passes from
//! the cutter to the workers (`passing`), nothing copied. A container's bytes on disk
//! (a gzip, a zip, JSON) are not its text: the reader gathers them as it reads into
//! blocks, handed through a bounded channel to be hashed in order (`hashing`); spent
//! blocks go back to the reader to be filled again.

use std::io::Read;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

/// The bytes gathered before a block is handed over.
const BLOCK: usize = 1 << 20;

/// Blocks waiting to be hashed: the reader runs at most this far ahead of the hash.
const WAITING: usize = 8;

/// A reader whose bytes are hashed on a thread of its own.
pub(crate) struct Hashing<R> {
    inner: R,
    block: Vec<u8>,
    blocks: Option<SyncSender<Vec<u8>>>,
    spent: Receiver<Vec<u8>>,
}

/// The hash being taken: its value once every byte read has been hashed.
pub(crate) struct Digesting {
    /// The hash, `None` when not every byte reached it.
    thread: Option<JoinHandle<Option<Sha256>>>,
}

/// The pieces waiting to be hashed on their way on.
const PASSING: usize = 2;

/// A stage that hashes each item's `bytes` in the order sent, then hands the item to
/// `next`; its sender, and the hash once the sender is dropped.
pub(crate) fn passing<T: Send + 'static>(
    next: SyncSender<T>,
    bytes: fn(&T) -> &[u8],
) -> (SyncSender<T>, Digesting) {
    let (input, received) = sync_channel::<T>(PASSING);
    let thread = std::thread::spawn(move || {
        let mut hasher = Sha256::new();
        for item in received {
            hasher.update(bytes(&item));
            // The reading stopped: the hash is of part of the file, and no hash.
            next.send(item).ok()?;
        }
        Some(hasher)
    });
    (
        input,
        Digesting {
            thread: Some(thread),
        },
    )
}

/// Reads `inner` and hashes what it reads on another thread.
pub(crate) fn hashing<R: Read>(inner: R) -> (Hashing<R>, Digesting) {
    let (blocks, received) = sync_channel::<Vec<u8>>(WAITING);
    let (give_back, spent) = sync_channel::<Vec<u8>>(WAITING + 2);
    let thread = std::thread::spawn(move || {
        let mut hasher = Sha256::new();
        for mut block in received {
            hasher.update(&block);
            block.clear();
            // A full return queue only means a new block is allocated.
            let _ = give_back.try_send(block);
        }
        Some(hasher)
    });
    let reader = Hashing {
        inner,
        block: Vec::with_capacity(BLOCK),
        blocks: Some(blocks),
        spent,
    };
    (
        reader,
        Digesting {
            thread: Some(thread),
        },
    )
}

impl<R> Hashing<R> {
    /// Hands the bytes gathered so far to the hashing thread.
    fn hand_over(&mut self) {
        let Some(blocks) = &self.blocks else {
            return;
        };
        if self.block.is_empty() {
            return;
        }
        let fresh = self
            .spent
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BLOCK));
        let block = std::mem::replace(&mut self.block, fresh);
        if blocks.send(block).is_err() {
            self.blocks = None;
        }
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.block.extend_from_slice(&buf[..n]);
        if self.block.len() >= BLOCK || n == 0 {
            self.hand_over();
        }
        Ok(n)
    }
}

impl<R> Drop for Hashing<R> {
    /// The last bytes read go to the hash, and the channel closes: the hash is complete.
    fn drop(&mut self) {
        self.hand_over();
        self.blocks = None;
    }
}

impl Digesting {
    /// The SHA-256 in hex of every byte read, once the reader (or the stage's sender)
    /// is dropped; `None` if the hashing thread failed or not every byte reached it.
    pub(crate) fn finish(&mut self) -> Option<String> {
        let hasher = self.thread.take()?.join().ok()??;
        Some(crate::digest::hex(hasher))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_that_of_every_byte_read_in_order() {
        let bytes: Vec<u8> = (0..3 * BLOCK + 12_345)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        let (mut reader, mut digesting) = hashing(&bytes[..]);
        let mut read = Vec::new();
        let mut buf = vec![0; 70_000];
        loop {
            let n = reader.read(&mut buf).expect("read");
            if n == 0 {
                break;
            }
            read.extend_from_slice(&buf[..n]);
        }
        drop(reader);
        assert_eq!(read, bytes);
        let expected = crate::digest::hex(Sha256::new_with_prefix(&bytes));
        assert_eq!(digesting.finish(), Some(expected));
    }
}
