//! The taxonomy's teaching texts in both languages: what decides each sale type, what
//! separates two of them, what the decision path's questions mean,
//! and the lessons' examples. Used by feedback, lessons, the class report and exports.

text_table! {
    /// The taxonomy's texts of one language.
    pub struct TeachingTexts;
    /// The taxonomy's texts of a language.
    pub fn teaching_texts;
    TEACHING_NB, TEACHING_EN;
    // The one question that decides each sale type.
    cue_nysalg: "Kunden har aldri kjøpt av deg. Som regel er produktet også nytt for kunden, eller kjøpt så lenge siden at det føles nytt.", "The customer has never bought from you. Usually the product is new to them too, or bought so long ago that it feels new.";
    cue_mersalg: "Kunden kjøper mer av det samme produktet: flere nå enn planlagt, eller igjen senere hos deg.", "The customer buys more of the same product: more units now than planned, or again later from you.";
    cue_gjensalg: "Kunden bytter ut noe som er slitt eller utdatert, og kan lett gå til en konkurrent for å gjøre det.", "The customer replaces something worn out or outdated, and could easily go to a competitor to do it.";
    cue_kryssalg: "Rett etter et salg tilbyr du et annet produkt, uten binding til det første, valgt ut fra det du har lært om behovet.", "Right after a sale you offer a different product, not tied to the first, chosen from what you learned about the need.";
    cue_tilleggssalg: "Du tilbyr noe som utvider produktet kunden nettopp kjøpte: tilbehør og ekstrautstyr som hører til.", "You offer something that extends the product just bought: accessories and extras that belong to it.";
    // What separates two sale types, the same whichever way round.
    difference_nysalg_mersalg: "Nysalg er første kjøp fra en kunde som aldri har kjøpt av deg. Mersalg er når en kunde som allerede har produktet, kjøper flere av det samme.", "A new sale is the first purchase by a customer who has never bought from you. More of the same is when a customer who already has the product buys more of it.";
    difference_nysalg_gjensalg: "Ved nysalg har kunden aldri kjøpt av deg. Ved gjensalg har en kunde du har solgt til, et slikt produkt fra før, men det er slitt eller utdatert og skal byttes ut.", "In a new sale the customer has never bought from you. In a replacement sale a customer you have sold to already owns one, but it is worn out or outdated and must be replaced.";
    difference_nysalg_kryssalg: "Et produkt som er nytt for en kunde du allerede selger til, er kryssalg, ikke nysalg. Nysalg krever at du aldri har solgt til kunden før.", "A product that is new to a customer you already sell to is a cross-sale, not a new sale. A new sale needs a customer you have never sold to.";
    difference_nysalg_tilleggssalg: "Tilleggssalg bygger videre på et produkt kunden nettopp har kjøpt. Nysalg er selve førstegangskjøpet, uten noe tidligere kjøp å bygge på.", "An add-on sale builds on a product the customer has just bought. A new sale is the first purchase itself, with nothing earlier to build on.";
    difference_mersalg_gjensalg: "Begge gjelder det samme produktet igjen. Ved mersalg kjøper kunden fordi de vil ha mer; ved gjensalg fordi det gamle er slitt ut eller gått ut på dato.", "Both concern the same product again. In more of the same the customer buys because they want more; in a replacement sale because the old one is worn out or outdated.";
    difference_mersalg_kryssalg: "Mersalg er flere av samme produkt. Kryssalg er et annet produkt, valgt ut fra behovet du har avdekket.", "More of the same is more units of the same product. A cross-sale is a different product, chosen from the need you uncovered.";
    difference_mersalg_tilleggssalg: "Mersalg er flere av selve produktet. Tilleggssalg er tilbehør som hører til produktet, ikke et eksemplar til.", "More of the same is more of the product itself. An add-on sale is an accessory that belongs to the product, not another unit of it.";
    difference_gjensalg_kryssalg: "Gjensalg erstatter noe kunden har fra før. Kryssalg kommer i tillegg: et annet produkt som dekker et annet behov.", "A replacement sale replaces something the customer already has. A cross-sale comes on top: a different product for a different need.";
    difference_gjensalg_tilleggssalg: "Gjensalg bytter ut det gamle produktet i sin helhet. Tilleggssalg utvider det produktet kunden nettopp kjøpte.", "A replacement sale swaps out the old product as a whole. An add-on sale extends the product the customer has just bought.";
    difference_kryssalg_tilleggssalg: "Tilleggssalg er en utvidelse av produktet som nettopp ble kjøpt (beltet til buksen). Kryssalg er et annet produkt som står på egne ben (dressjakken til buksen).", "An add-on sale extends the product just bought (the belt for the trousers). A cross-sale is a different product that stands on its own (the suit jacket after the trousers).";
    // What the two questions of the decision path mean, shown when a box is selected.
    path_known_customer_explained: "Start her. Spørsmålet gjelder bare kunden og deg: har kunden noen gang kjøpt noe av deg? Et kjøp kunden nettopp har gjort, teller også. Er svaret nei, er det nysalg. En ny kunde mangler som regel også erfaring med denne typen produkt, men det er typisk for nysalg, ikke et eget vilkår. En kunde som har kjøpt av deg, gir aldri nysalg, heller ikke når produktet er helt nytt for dem: da går du videre til steg 2.", "Start here. The question is only about the customer and you: has this customer ever bought anything from you? A purchase they have just made counts too. If the answer is no, it is a new sale. A new customer usually also lacks experience with this kind of product, but that is typical of a new sale, not a second condition. A customer who has bought from you never makes a new sale, not even when the product is brand new to them: go on to step 2.";
    path_relation_explained: "Kunden har kjøpt av deg før, så dette er et påfølgende salg. Sammenlign tilbudet med det kunden har eller nettopp kjøpte: er det flere av det samme, en erstatning for noe slitt eller utdatert, tilbehør som hører til, eller et helt annet produkt?", "The customer has bought from you before, so this is a follow-on sale. Compare the offer with what they have or just bought: is it more of the same, a replacement for something worn or outdated, an accessory that belongs to it, or a different product altogether?";
    // Three examples of each sale type, by industry.
    example_nysalg_1_industry: "Sport", "Sports";
    example_nysalg_1: "En kunde som aldri har vært innom butikken, og aldri har padlet, kjøper sin første kajakk.", "A customer who has never been in your shop, and never paddled, buys a first kayak.";
    example_nysalg_2_industry: "Regnskap", "Accounting";
    example_nysalg_2: "Et bakeri som alltid har ført regnskapet for hånd, kjøper et regnskapsprogram for første gang, og da hos deg.", "A bakery that has always kept its books by hand buys accounting software for the first time, from you.";
    example_nysalg_3_industry: "Telekom", "Telecom";
    example_nysalg_3: "Et nystartet firma uten avtaler fra før tegner sine første mobilabonnementer hos deg.", "A newly started firm with no agreements yet signs its first mobile subscriptions with you.";
    example_mersalg_1_industry: "Bil", "Cars";
    example_mersalg_1: "Familien som kjøpte bilen sin hos deg, kommer tilbake og kjøper bil nummer to av deg.", "The family that bought their car from you comes back and buys their second car from you.";
    example_mersalg_2_industry: "Kontorrekvisita", "Office supplies";
    example_mersalg_2: "Et firma bestiller papir og toner hver måned på vilkårene dere har avtalt.", "A firm orders paper and toner every month on the terms you have agreed.";
    example_mersalg_3_industry: "Klær", "Clothing";
    example_mersalg_3: "Kunden kom for å kjøpe én skjorte og går ut med tre av samme slag.", "The customer came in for one shirt and leaves with three of the same kind.";
    example_gjensalg_1_industry: "IT", "IT";
    example_gjensalg_1: "Et firma skal bytte ut en ti år gammel server som ikke lenger får sikkerhetsoppdateringer.", "A firm must replace a ten-year-old server that no longer gets security updates.";
    example_gjensalg_2_industry: "Landbruk", "Farming";
    example_gjensalg_2: "Bonden som kjøpte traktoren hos deg, har kjørt den ut og trenger en ny.", "The farmer who bought a tractor from you has worn it out and needs a new one.";
    example_gjensalg_3_industry: "Hvitevarer", "Home appliances";
    example_gjensalg_3: "Vaskemaskinen en familie kjøpte for mange år siden, har gitt opp.", "The washing machine a family bought many years ago has given up.";
    example_kryssalg_1_industry: "Kurs", "Courses";
    example_kryssalg_1: "Etter et endt kurs får deltakerne tilbud om fagbøker om det de nettopp har lært.", "After a course, the participants are offered books on what they have just learned.";
    example_kryssalg_2_industry: "Klær", "Clothing";
    example_kryssalg_2: "Kunden har kjøpt en dressbukse og blir vist en dressjakke som passer til.", "A customer who has bought suit trousers is shown a suit jacket to go with them.";
    example_kryssalg_3_industry: "Bank", "Banking";
    example_kryssalg_3: "En kunde som nettopp har fått boliglån, får tilbud om innboforsikring.", "A customer who has just been granted a mortgage is offered home contents insurance.";
    example_tilleggssalg_1_industry: "Bil", "Cars";
    example_tilleggssalg_1: "Til den nye bilen kjøper kunden takboks og bredere felger.", "For the new car the customer buys a roof box and wider rims.";
    example_tilleggssalg_2_industry: "Lyd og bilde", "Audio";
    example_tilleggssalg_2: "Til anlegget kunden nettopp kjøpte, legger du til et par ekstra høyttalere.", "To the sound system the customer just bought you add a pair of extra speakers.";
    example_tilleggssalg_3_industry: "Klær", "Clothing";
    example_tilleggssalg_3: "Til den nye buksen hører et belte som passer.", "A belt that matches belongs with the new trousers.";
    // What follow-on sales are, why they pay and how to find the next offer (the Learn screen).
    follow_on_title: "Påfølgende salg", "Follow-on sales";
    follow_on_lead: "Mersalg, gjensalg, kryssalg og tilleggssalg kalles påfølgende salg: de kommer etter førstegangssalget, ofte fra en fornøyd kunde, enten der og da eller når kunden kommer tilbake.", "More of the same, replacement, cross-sale and add-on sale are called follow-on sales (påfølgende salg): they come after the first sale, usually from a satisfied customer, either on the spot or when the customer comes back.";
    follow_on_aim: "Målet er at kunden selv velger å kjøpe mer av deg, nå eller neste gang.", "The aim is that the customer chooses to buy more from you, now or next time.";
    follow_on_sign: "Du ser at det virker når kunden kjøper mer enn de kom for, eller oppsøker deg igjen.", "You know it works when the customer buys more than they came for, or seeks you out again.";
    follow_on_measure: "Suksesskriteriet er enkelt: du tjener mer for mindre innsats.", "The measure of success is simple: you earn more for less effort.";
    why_pay_title: "Hvorfor de lønner seg", "Why they pay";
    why_pay_lead: "Et påfølgende salg går nesten rett på bunnlinjen, fordi det meste av jobben allerede er gjort.", "A follow-on sale goes almost straight to the bottom line, because most of the work is already done.";
    why_pay_reach: "Det koster ingenting å nå kunden: ingen annonser, kunden står allerede foran deg.", "Reaching the customer costs nothing: no advertising, they are already in front of you.";
    why_pay_trust: "Tilliten er bygget ved første kjøp.", "Trust was built with the first purchase.";
    why_pay_negotiation: "Forhandlingen er ofte bare en formsak.", "Negotiation is often just a formality.";
    why_pay_belongs: "Det som hører sammen med det kunden kjøpte, trenger lite argumentasjon. En kort demonstrasjon holder: legg beltet på buksen, så ser alle at det hører til.", "What belongs with the purchase needs little argument. A short demonstration is enough: put the belt on the trousers and everyone sees that it belongs.";
    next_offer_title: "Slik finner du neste tilbud", "How to find the next offer";
    next_offer_lead: "Jo flere produkter som hører til løsningen på et behov du har avdekket, desto lettere er det å selge mer.", "The more products that belong to the solution of a need you have uncovered, the easier it is to sell more.";
    next_offer_need: "Start med behovet kunden har fortalt deg om, ikke med hyllene dine.", "Start from the need the customer told you about, not from your shelves.";
    next_offer_know: "Profesjonelle selgere vet hva som hører sammen, og hvordan og hvorfor produktene brukes.", "Professionals know what goes with what, and how and why the products are used.";
    next_offer_knowledge: "Brukt riktig får den kunnskapen kunden til å kjøpe flere produkter, og gjerne flere av hvert.", "Used well, that knowledge makes the customer buy more products, and often more than one of each.";
    next_offer_one_place: "Kunden sparer tid og får alt på ett sted, uten å lete etter andre leverandører.", "The customer saves time and gets everything in one place, without hunting for other suppliers.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn every_teaching_text_is_translated() {
        // An industry such as "IT" may be written the same in both languages.
        assert_translated(&TEACHING_NB.entries(), &TEACHING_EN.entries(), |key| {
            key.ends_with("_industry")
        });
    }
}
