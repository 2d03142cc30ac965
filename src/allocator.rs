//! The program's global allocator. Part of the binary, not the library: the choice is the
//! program's, and tests, benches and examples linking the library keep the system one.

/// mimalloc, asked through its plain entry points when the alignment is one every block
/// has anyway. `mimalloc::MiMalloc` always takes the aligned path, which costs about twice
/// as many instructions per call, and nearly all of this program's allocations are
/// strings and vectors aligned to 8 bytes or less.
pub struct Allocator;

/// Every mimalloc block is aligned to at least the machine word (its smallest size class
/// is one word and every class is a multiple of it).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: each method hands the layout to mimalloc, whose plain calls return blocks
// aligned to `PLAIN_ALIGN` and whose aligned calls honour any alignment; `mi_free` and
// `mi_realloc*` accept blocks from either.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            unsafe { libmimalloc_sys::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size) as *mut u8 }
        } else {
            unsafe {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()) as *mut u8
            }
        }
    }
}
