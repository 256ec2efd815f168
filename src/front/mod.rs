//! The front-end model: what the interface (`ui`) and plain mode (`plain`) share and neither
//! owns. The session (the game, its history and the decisions still to send), the month
//! report, the explain panels' figures, the amount a player chooses with its cost and the
//! rules' verdict, the choice lists with costs and reasons, and the ghost being raced. Both
//! front ends draw from here; nothing here draws.

pub mod amount;
pub mod choices;
pub mod explain;
pub mod figures;
pub mod forecast;
pub mod ghost;
pub mod menu;
pub mod report;
pub mod session;
