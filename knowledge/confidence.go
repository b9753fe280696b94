package knowledge

// MinConfidence is the least Result.Confidence at which Resolve answers a
// free-text question when the pack has no topic model (a pack loaded on
// its own; the embedded pack and packs laid over it decide with the
// model, see model.go); below it the question is outside what the pack
// covers and the reply says so honestly.
//
// It is not picked by hand: it is calibrated on the labelled query set in
// testdata/queries/labelled.tsv. TestCalibrateMinConfidence splits the
// set by a hash of each query into a training part (about two thirds) and
// a held-out part, finds the cut between answerable and off-topic
// questions that gets most of the training part right (the middle of the
// best interval), checks that this constant is that cut, and reports the
// accuracy the cut gets on the held-out part. After a change to the
// ranking or the pack, run
//
//	go test -run TestCalibrateMinConfidence -v ./knowledge/
//
// and set the constant to the cut it prints.
const MinConfidence = 0.490
