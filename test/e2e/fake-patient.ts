/** Recognisable fake patient data the privacy tests type into the demo portal and then search for everywhere. */
export const FAKE_PATIENT = {
  name: 'Quillon Zebedee Marchbanks',
  memberId: 'QZM558213907',
  dob: '07/19/1948',
  zip: '90210-4321',
  dx: 'C79.31',
};

/** A deliberate request from an extension page, to prove a request recorder sees ours. TEST-NET-1 (RFC 5737): never a real host. */
export const CANARY = 'http://192.0.2.1/claimguide-canary';
