// Storage adapters are tested in Node against an in-process IndexedDB; the
// browser tests exercise the real one in Chromium.
import 'fake-indexeddb/auto';
