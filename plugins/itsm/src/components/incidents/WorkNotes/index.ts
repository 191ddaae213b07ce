export { NoteForm } from './NoteForm';
export { WorkNoteForm } from './WorkNotes';
