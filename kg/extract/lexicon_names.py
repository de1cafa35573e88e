"""Word lists for the people and posts extractors: common given names, of many origins."""

from __future__ import annotations

GIVEN_NAMES = frozenset(
    """
    aaron abbie abdul abigail adam adrian ahmed aidan aileen alan alana alastair albert alec
    alex alexander alexandra alexis alfie ali alice alicia alison alistair allan allison amanda
    amar amara amber amelia amir amy andrea andrew andy angela angharad angus anita ann anna
    anne annette anthony antony arif arthur arvind asif ashley aysha barbara barry beatrice becky
    belinda ben benjamin bernadette bernard beth bethan beverley bill billy brenda brendan brian
    bridget bronwen bruce bryan callum cameron carl carla carol caroline carolyn carys catherine
    cathryn cathy catrin cecilia ceri charles charlie charlotte cheryl chloe chris christian
    chris christina christine christopher claire clare colin conor craig daisy dale damian dan daniel
    danielle darren dave david dawn dean debbie deborah debra declan denise dennis derek dewi
    diana diane dominic donald donna doreen dorothy douglas duncan dylan eamonn ed eddie edward
    eileen elaine eleanor eleri elin elizabeth ella ellen ellie elliot emily emlyn emma eric erica
    esther eve evelyn fatima felicity fiona frances francesca francis fraser freya gail gareth
    gary gavin gemma geoff geoffrey george georgina geraint gerald gerry gethin gill gillian glen
    glenn glyn gordon graham grant gregory gwen gwyn hannah harriet harry hassan hayley hazel
    heather helen henry hilary howard hugh huw hywel iain ian ieuan imran imogen iqbal irene isaac
    isabel isobel iwan jack jackie jacqueline jade jake james jamie jan jane janet janice jasmine
    jason javed jayne jean jeff jeffrey jennifer jenny jeremy jessica jill jim jo joan joanna joanne
    jodie joe john jon jonathan jordan joseph josephine josh joshua joy joyce judith judy julia
    julian julie justin karen kate katharine katherine kathleen kathryn kathy katie kay keith
    kelly kenneth kerry kevin khalid kim kirsty kristina laura lauren lee leigh leon leslie lewis
    lindsay lindsey linda lisa liz lloyd llinos lorna lorraine louise lucy luke lynda lynn lynne
    madeleine mahmood malcolm mandy margaret maria marian marie marion mark martin martyn mary
    matt matthew maureen max megan meinir melanie melissa michael michelle mike mohammed mohammad
    mohammad muhammad naomi naveed neil nia nicholas nick nicola nicole nigel nina noel norman
    oliver olivia owain owen pam pamela pat patricia patrick paul paula pauline penny peter phil
    philip philippa phillip rachel rachael rajesh ravi raymond rebecca rebekah rhian rhiannon
    rhodri rhys richard rick rob robert roberta robin rodney roger ronald rosalind rose rosemary
    ross roy russell ruth ryan saima sajid sally salma sam samantha samuel sandra sara sarah scott
    sean shabana shahid shane sharon shaun sheila shirley sian simon sinead siobhan sonia sophie
    stacey stefan steph stephanie stephen steve steven stewart stuart sue susan suzanne tahir
    tanya tara tariq teresa terry theresa thomas tim timothy tina toby tom tony tracey tracy trevor
    valerie vanessa vicky victoria vincent viv bev wayne wendy william yasmin yvonne zahid zoe
    """.split() + """
    abby abena ade adeola aftab agnieszka aimee ailsa alasdair aled alun amjad amrit anil anwar
    annabel annie aoife arshad arwel asha ashok audrey ava ayesha azhar baljit balwinder bashir
    bella bernice beryl bola bryn caitlin candice carmel carrie cassie celia cerys charlene
    charmaine chelsea chidi chinedu ciara ciaran cindy claudia clive colette colm connie cora
    cormac corinne courtney dafydd dai daphne deepak deirdre delia delyth dina dinesh dionne
    dolores dora edith edna elfed elise eloise elsie emeka emilia emyr enid eoin erin esme estelle
    ethel eva evie ewan faisal farhan farooq fay faye femi fergal fergus fern ffion fionnuala flora
    florence folake freda funmi gabrielle geeta geraldine ghulam gina gladys glenda gloria grainne
    greta gurdev gurpreet gwenllian gwilym gwyneth habib hamid hamish harjinder harjit harold
    haroon harpreet heidi helena hemant hilda holly hugo ida iftikhar ingrid ioan iolo iris irfan
    ishtiaq isla ivy jacqui jacquie jamil janine jasbir jasper jaswinder jayesh jeanette jemma
    jenna jess jocelyn josie judi julianne justine kamla kamran kara karin kashif katrina kayleigh
    keeley kemi kerri kiran kirsten kofi krishna kuldip kwame lara leah leanne leonard lesley lily
    lina lionel llyr lois louisa lucinda lydia lyn mabel maggie mandeep manjit manoj manon marcia
    marcus marek margo marilyn marina marjorie martha maxine meena meg meirion meleri melody mia
    mildred miles millie miranda mohsin moira mollie molly monica morag mukesh muriel murdo
    mushtaq myra nadeem nadia nancy naseem nasir natalie natasha navdeep nazia neelam nell nerys
    neville ngozi niall niamh nicky nikki nisha nitin nkechi nora norma oisin olive olu osian
    padraig paige pankaj paramjit patsy pearl penelope perry petra phoebe phyllis piers piotr
    polly pooja pravin priscilla priya quentin rajinder rakesh ralph ramesh ranjit rehana rekha
    riaz rita rizwan robyn roisin roland rosa rosie rowan rowena roxanne ruaridh ruby rufus rupert
    sabrina sadie sadiq saeed safdar samira sanjay sanjeev sasha satnam seamus sebastian segun
    selina serena shafiq shakeel shannon shazia sheena shelley sherry shobha shona sioned spencer
    stanley stella sukhdev sultan sunil sunita surinder suresh sylvia tamsin tania tanveer terence
    tessa theo thelma tiffany tomas tomasz tomos toni tristan trudy trystan tunde una ursula usha
    usman vera verity vernon veronica victor vijay vikram vinod vivien vivienne walter wanda waqar
    warren wesley winifred yemi yolanda yvette zafar zara zulfiqar isabelle isabella jacob ethan
    noah liam mason logan oscar archie freddie harvey leo reuben finley tyler kian riley bradley
    brandon connor curtis elliott kieran marc nathan reece adele amie anya bianca chantelle demi
    georgia hollie poppy sophia tia
    """.split() + """
    abdullah adebayo agnes ahmad aisha akua alexa alfred alma alys alyssa ama amina aminata amos
    anders anja anjali annika antonia antonio ari arjun ashraf astrid aurelia aurora axel
    barnaby beatrix bertie bjorn boris branwen bridie brigid briony brona bronagh calum camilla
    caradog carlos carmen carwyn catriona cecily celeste cerian cheng chiara christa christoph
    chukwuma clara clementine colleen cressida cynthia cyril dagmar daniela dario darius dawit
    desmond dilys dmitri dolly dominika donal dorcas edmund edwin edwina efua eilidh eimear eira
    eirian eithne elena elias elisa eliza elsa elspeth eluned emil emilie enrique erik erika
    ernest ernie esperanza ester euan eugene eunice ewa fabian fadumo farah farida farzana fatou
    fatuma felix fernando filip finn fionn francesco franco frankie frida gabriel gabriela georg
    georgie gerard gerhard gertrude gianni gilbert giovanni gita giulia godfrey gordana grace
    greg gustav hadiza halima hamza hana hanna hans hari hector helga henrietta henrik herbert
    hermione hilde hina hiroshi horace hubert hussein ibrahim iestyn ifeoma ignatius ilona
    imelda indira ines inga inge ingeborg irina isaiah ishaq ishbel isma ismail ivan ivana ivor
    jakub jameela janusz jaspreet javier jayden jens jeremiah johan johanna jonas jorge jose
    josef juan juliet julius jurgen kaja kamal karim karina karl karolina kasia katarzyna
    kateryna katya kavita kenji khadija kirsteen kitty klaus kristian kristin krzysztof kwabena
    lachlan lakshmi lars laszlo latifa laurence lavinia lawrence layla leila lena leonie leopold
    lettie lidia linnea lise liv lorenzo lotte lottie lowri luca lucas lucia ludmila luis luisa
    lukas maeve magda magdalena magnus mahmoud mairead maja malik mared margit mariam marianne
    mario marisa marnie marta martina mateusz matilda maya mehmet mei mhairi mikael mila miriam
    mohamed mohan mona monika morris morven mustafa nadine nasra nathalie nathaniel nikhil nils
    nneka noor nuala obi octavia oksana olga oluwaseun omar orla oskar ottilie otto pablo
    parveen patrik pedro percy petr pia pieter primrose pritam rafael rahul raj rania rashid
    rebeca reginald reza rhydian ricardo rikke rohan rona ronan rosalie rosamund rosemarie ruben
    rukhsana rupinder sabine sadia sahil salim sami samir sandeep sanna santiago selma sergei
    shamima shilpa sidney sigrid silvia simran sofia solveig sorcha stefania stefanie suleiman
    sven sylwia tabitha tahira tamara tatiana tegan teodora thabo thea themba tobias ulla ulrika
    uma valentina vanda vasilis vikas viktor vilma viola wanjiru wei wiktoria wilfred winnie
    wojciech xavier yasmeen yasmine yusuf zainab zanele zofia zubair zuzana
    """.split()
)
