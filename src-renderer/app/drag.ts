/**
 * The drag-and-drop payload type of a code dragged out of the codebook. A private MIME type, so
 * dropping a code into a text field or another application inserts nothing.
 */
export const CODE_DRAG_TYPE = 'application/x-quire-code';
